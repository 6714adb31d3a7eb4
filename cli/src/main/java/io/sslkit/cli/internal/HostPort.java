package io.sslkit.cli.internal;

import picocli.CommandLine;

/** HOST:PORT, with [v6-address]:PORT for IPv6 literals. */
record HostPort(String host, int port) {

    static HostPort parse(String value) {
        String v = value.strip();
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not HOST:PORT, e.g. localhost:4433");
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new CommandLine.TypeConversionException("'" + value + "': write an IPv6 address as [ADDRESS]:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "': the port must be a number");
        }
        if (port < 1 || port > 65535) {
            throw new CommandLine.TypeConversionException("'" + value + "': the port must be within 1..65535");
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** For picocli. */
    static final class Converter implements CommandLine.ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            return parse(value);
        }
    }
}
