package dev.callstack.modem.internal.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful answer: the lines that belong to it (answer lines, PDU lines, free text) and the final result line.
 */
public record AtResponse(List<String> lines, String finalLine) {
    public AtResponse {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(finalLine, "finalLine");
    }

    /** The first line starting with {@code prefix}. */
    public Optional<String> first(String prefix) {
        for (String line : lines) {
            if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** The value after {@code prefix} of the first line starting with it, stripped. */
    public Optional<String> value(String prefix) {
        return first(prefix).map(line -> line.substring(prefix.length()).strip());
    }

    /** Every line starting with {@code prefix}. */
    public List<String> all(String prefix) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                out.add(line);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "AtResponse[" + lines.size() + " lines, " + AtLogRedactor.response(finalLine) + "]";
    }
}
