package org.onboarding.imports;

/**
 * What the connections step did, over an import or a part of one.
 *
 * @param created  connections stored for the first time
 * @param present  connections the file names that were already stored
 * @param removed  connections dropped because a row's connects cell is the customer's full list (policy replace)
 * @param rejected connections refused, each a reject of its own
 */
public record ConnectionCounts(long created, long present, long removed, long rejected) {

    public static final ConnectionCounts NONE = new ConnectionCounts(0, 0, 0, 0);

    public ConnectionCounts plus(ConnectionCounts other) {
        return new ConnectionCounts(created + other.created, present + other.present, removed + other.removed,
                rejected + other.rejected);
    }
}
