package org.cryoetgan.nn;

import java.util.List;

/**
 * What {@link Module#loadStateDict} found when matching a state against a module: entries the module has but
 * the state lacks ({@code missing}), entries the state has but the module lacks ({@code unexpected}), and
 * entries present in both with different shapes ({@code mismatched}, each described as
 * {@code "name: expected [..], got [..]"}).
 */
public record LoadReport(List<String> missing, List<String> unexpected, List<String> mismatched) {

    public LoadReport {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        mismatched = List.copyOf(mismatched);
    }

    /** True when every entry matched by name and shape. */
    public boolean isClean() {
        return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty();
    }

    /** A one-paragraph description listing every problem by name. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!missing.isEmpty()) {
            sb.append("missing ").append(missing).append("; ");
        }
        if (!unexpected.isEmpty()) {
            sb.append("unexpected ").append(unexpected).append("; ");
        }
        if (!mismatched.isEmpty()) {
            sb.append("mis-shaped ").append(mismatched).append("; ");
        }
        return sb.length() == 0 ? "all entries match" : sb.substring(0, sb.length() - 2);
    }
}
