package io.sslkit.handshake.internal;

import java.security.Key;
import java.security.cert.X509Certificate;

/**
 * The JCA-style algorithm name of a certificate's key, as key exchanges and signature modules name it. The JDK knows
 * no KEA and reports such a key by its OID (RFC 2528), which is mapped here.
 */
final class KeyAlgorithms {
    static final String KEA = "KEA";
    private static final String KEA_OID = "2.16.840.1.101.2.1.1.22";

    private KeyAlgorithms() {
    }

    static String of(X509Certificate certificate) {
        return of(certificate.getPublicKey());
    }

    static String of(Key key) {
        String a = key.getAlgorithm();
        return KEA_OID.equals(a) ? KEA : a;
    }
}
