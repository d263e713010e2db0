package org.onboarding.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where webhooks may go. The URL is an operator's setting, but the requests carry customers' data and
 * leave from inside the network: never to a link-local address (169.254.0.0/16, fe80::/10) or a cloud
 * metadata service (169.254.169.254, fd00:ec2::254, 100.100.100.200, metadata.google.internal), which
 * would hand out the machine's credentials; and over https, but to loopback, unless the feed allows
 * plain http explicitly. The URL is checked as it is resolved, and each host name again as it resolves
 * when sent, so that a name pointing at such an address is refused too.
 */
final class WebhookAddresses {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal");
    private static final Set<String> METADATA_ADDRESSES = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");
    private static final String NEVER = "a link-local or cloud metadata address";

    /** Resolves a host name to its addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private WebhookAddresses() {
    }

    /** Why webhooks never go to this URL, as the end of a sentence starting with its variable; null when they may. */
    static String urlProblem(URI url, boolean allowPlainHttp) {
        String host = host(url);
        InetAddress literal = literal(host);
        if (METADATA_NAMES.contains(host) || (literal != null && never(literal))) {
            return "points at " + host + ", " + NEVER + ": webhooks never go there";
        }
        boolean loopback = host.equals("localhost") || (literal != null && literal.isLoopbackAddress());
        if ("http".equalsIgnoreCase(url.getScheme()) && !loopback && !allowPlainHttp) {
            return "is plain http to " + host + ": use https (plain http goes to loopback only, unless the feed's "
                    + "\"webhooks\" says \"allowPlainHttp\": true)";
        }
        return null;
    }

    /** Why a request to this URL is refused now, its host resolved; null when it may go. */
    static String sendProblem(URI url, Resolver resolver) throws UnknownHostException {
        String host = host(url);
        if (METADATA_NAMES.contains(host)) {
            return "refused: " + host + " is " + NEVER;
        }
        for (InetAddress address : resolver.resolve(url.getHost())) {
            if (never(address)) {
                return "refused: " + host + " resolves to " + address.getHostAddress() + ", " + NEVER;
            }
        }
        return null;
    }

    private static boolean never(InetAddress address) {
        return address.isLinkLocalAddress() || METADATA_ADDRESSES.contains(address.getHostAddress());
    }

    /** The URL's host, lower-case, without the brackets of an IPv6 literal or a trailing dot. */
    private static String host(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** The address a literal host is; null for a name, which only a resolver can tell. */
    private static InetAddress literal(String host) {
        if (!IPV4.matcher(host).matches() && !host.contains(":")) {
            return null;
        }
        try {
            // A literal is parsed, never looked up.
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
