package io.github.wcf4j.cli;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A Windows certificate store as the command line names it: {@code LocalMachine/My}, {@code CurrentUser/Root}. */
record StorePath(StoreLocation location, StoreName name) {

    static StorePath parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length == 2) {
            StoreLocation location = constant(StoreLocation.class, parts[0]);
            StoreName name = constant(StoreName.class, parts[1]);
            if (location != null && name != null) {
                return new StorePath(location, name);
            }
        }
        throw new TypeConversionException("'" + text + "' is not a store: <StoreLocation>/<StoreName>, StoreLocation "
                + choices(StoreLocation.class) + ", StoreName " + choices(StoreName.class));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(text.trim())).findFirst()
                .orElse(null);
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return String.join("|", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    @Override
    public String toString() {
        return location + "/" + name;
    }

    /** Picocli's converter for {@code --store}. */
    static final class Converter implements ITypeConverter<StorePath> {
        @Override
        public StorePath convert(String value) {
            return parse(value);
        }
    }
}
