package org.fganlab.cli;

import org.fganlab.gan.Target;
import picocli.CommandLine;

/** Parses a training target: a 1-D density spec or a 2-D ring/grid; errors are usage errors. */
final class TargetConverter implements CommandLine.ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
        try {
            return Target.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
