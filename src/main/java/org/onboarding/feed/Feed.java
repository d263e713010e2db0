package org.onboarding.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * One organisation's kind of customer file, declared in {@code jobs/<name>.json}.
 *
 * @param name               the feed's name (the file name without {@code .json})
 * @param organization       whose customers the files hold
 * @param encoding           the files' charset; UTF-8 unless said otherwise
 * @param fields             the organisation's customer field definitions
 * @param requiredIdentity   the identity keys each account type must carry
 * @param unknownColumns     what to do with a column no definition matches
 * @param identityDuplicates what to do with a BVN, email or phone that belongs to another referenceId
 * @param skipLimit          how many rejects (rows and connections) a run tolerates before it fails (0: none);
 *                           1,000 when absent
 * @param connections        what a later file's connects cell means for stored connections: add (the default) or replace
 * @param wallets            the default wallets of new customers; none when absent
 * @param webhooks           the variables naming the organisation's webhook endpoint; none when absent
 * @param schedule           when {@code ./onboard serve} imports the files waiting in the feed's inbox; when
 *                           absent, each file as soon as it is complete
 * @param inbox              the folder {@code ./onboard serve} watches for the feed's files, relative to the
 *                           inbox base directory unless absolute; {@code inbox/<name>/} when absent
 * @param limits             how large a record, a cell and a row's columns may be; the defaults when absent
 * @param doneMarker         the suffix of the marker file a producer writes once a file is complete
 *                           ({@code .done}: {@code customers.csv.done}); when set, {@code ./onboard serve} picks
 *                           up a file only once its marker exists, and removes the marker with the file
 */
public record Feed(
        String name,
        Organization organization,
        Charset encoding,
        List<FieldDeclaration> fields,
        Map<AccountType, Set<IdentityField>> requiredIdentity,
        UnknownColumnPolicy unknownColumns,
        IdentityDuplicates identityDuplicates,
        Long skipLimit,
        ConnectionPolicy connections,
        WalletSettings wallets,
        WebhookSettings webhooks,
        ImportSchedule schedule,
        Path inbox,
        FileLimits limits,
        String doneMarker) {

    public static final long DEFAULT_SKIP_LIMIT = 1_000;

    public Feed {
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        fields = fields == null ? List.of() : List.copyOf(fields);
        requiredIdentity = requiredIdentity == null ? Map.of() : Map.copyOf(requiredIdentity);
        unknownColumns = unknownColumns == null ? UnknownColumnPolicy.IGNORE : unknownColumns;
        identityDuplicates = identityDuplicates == null ? IdentityDuplicates.REJECT_ALL : identityDuplicates;
        if (skipLimit != null && skipLimit < 0) {
            throw new IllegalArgumentException("\"skipLimit\" must be 0 or more, not " + skipLimit);
        }
        skipLimit = skipLimit == null ? DEFAULT_SKIP_LIMIT : skipLimit;
        connections = connections == null ? ConnectionPolicy.ADD : connections;
        wallets = wallets == null ? WalletSettings.NONE : wallets;
        webhooks = webhooks == null ? WebhookSettings.NONE : webhooks;
        limits = limits == null ? FileLimits.DEFAULTS : limits;
        if (doneMarker != null && !doneMarker.matches("\\.[A-Za-z0-9_-]{1,20}")) {
            throw new IllegalArgumentException("doneMarker must be a suffix such as \".done\", not \"" + doneMarker + "\"");
        }
    }

    /** The identity keys a row of the given account type must carry. */
    public Set<IdentityField> requiredIdentity(AccountType accountType) {
        return requiredIdentity.getOrDefault(accountType, Set.of());
    }
}
