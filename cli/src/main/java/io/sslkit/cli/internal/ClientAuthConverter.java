package io.sslkit.cli.internal;

import io.sslkit.handshake.ClientAuth;
import java.util.Locale;
import picocli.CommandLine;

/** --client-auth none|want|need. */
final class ClientAuthConverter implements CommandLine.ITypeConverter<ClientAuth> {
    @Override
    public ClientAuth convert(String value) {
        try {
            return ClientAuth.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of none, want, need");
        }
    }
}
