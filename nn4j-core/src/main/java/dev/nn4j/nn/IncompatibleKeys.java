package dev.nn4j.nn;

import java.util.List;

/**
 * What {@link Module#loadStateDict} did not match: keys the module expects but the state dict lacks
 * ({@code missingKeys}) and keys the module does not know ({@code unexpectedKeys}).
 */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
    /** Whether every key matched. */
    public boolean allMatched() {
        return missingKeys.isEmpty() && unexpectedKeys.isEmpty();
    }

    /** PyTorch's text: {@code <All keys matched successfully>} or {@code _IncompatibleKeys(missing_keys=[...], unexpected_keys=[...])}. */
    @Override
    public String toString() {
        if (allMatched()) return "<All keys matched successfully>";
        return "_IncompatibleKeys(missing_keys=" + Repr.strList(missingKeys) + ", unexpected_keys=" + Repr.strList(unexpectedKeys) + ")";
    }
}
