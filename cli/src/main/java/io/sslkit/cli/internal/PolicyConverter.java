package io.sslkit.cli.internal;

import io.sslkit.api.Policy;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** --policy default|legacy. */
final class PolicyConverter implements CommandLine.ITypeConverter<Policy> {
    @Override
    public Policy convert(String value) {
        return Policy.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown policy '" + value + "': expected one of "
                        + Policy.ALL.stream().map(Policy::name).collect(Collectors.joining(", "))));
    }
}
