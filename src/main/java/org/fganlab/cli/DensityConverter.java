package org.fganlab.cli;

import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import picocli.CommandLine;

/** Parses a density SPEC option; a bad spec is a usage error naming the token and position. */
final class DensityConverter implements CommandLine.ITypeConverter<Density> {
    @Override
    public Density convert(String value) {
        try {
            return DensitySpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
