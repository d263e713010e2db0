package org.onboarding.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of the Standard Webhooks scheme, written from its specification and not from
 * the code that signs: the secret is {@code whsec_} and a base64 key; the signed content is
 * {@code id.timestamp.body}; {@code webhook-signature} holds space-separated {@code v1,<base64 HMAC-SHA256>}.
 */
public final class StandardWebhooksSignature {

    private StandardWebhooksSignature() {
    }

    public static boolean verifies(String secret, WebhookReceiver.Received request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        byte[] expected = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        for (String signature : request.header("webhook-signature").split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }
}
