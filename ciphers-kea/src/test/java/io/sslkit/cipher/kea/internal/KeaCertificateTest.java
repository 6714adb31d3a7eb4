package io.sslkit.cipher.kea.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;
import io.sslkit.api.spi.testing.TestExchangeContext;
import io.sslkit.cipher.kea.KeaCredentials;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** KEA certificates as KeaCredentials makes them, read back with both Bouncy Castle and the JDK. */
class KeaCertificateTest {
    private static KeaCredentials credentials;

    @BeforeAll
    static void generate() throws Exception {
        credentials = KeaCredentials.generate("localhost", TestExchangeContext.RANDOM);
    }

    @Test
    void theSubjectKeyIsAnRfc2528KeaKeyWithItsDomain() throws Exception {
        X509Certificate certificate = credentials.certificate();
        SubjectPublicKeyInfo spki = Certificate.getInstance(certificate.getEncoded()).getSubjectPublicKeyInfo();
        assertEquals("2.16.840.1.101.2.1.1.22", spki.getAlgorithm().getAlgorithm().getId());
        DSAParameter params = DSAParameter.getInstance(spki.getAlgorithm().getParameters());
        KeaKeyPair pair = ((KeaPrivateKey) credentials.privateKey()).keyPair();
        assertEquals(pair.domain().p(), params.getP());
        assertEquals(pair.domain().q(), params.getQ());
        assertEquals(pair.domain().g(), params.getG());
        assertEquals(0, spki.getPublicKeyData().getPadBits());
        assertArrayEquals(PublicValues.encode(pair.publicValue()), spki.getPublicKeyData().getBytes());
        assertEquals(pair.publicValue(), KeaPublicKeys.read(certificate).y());
        assertTrue(KeaPublicKeys.isKea(certificate));
    }

    @Test
    void theCertificateIsForKeyAgreementAndSignedByItsDssIssuer() throws Exception {
        X509Certificate certificate = credentials.certificate();
        X509Certificate issuer = credentials.chain().get(1);
        assertEquals(2, credentials.chain().size());
        boolean[] usage = certificate.getKeyUsage();
        assertTrue(usage[4], "keyAgreement");
        assertFalse(usage[0], "digitalSignature: KEA cannot sign");
        assertEquals(-1, certificate.getBasicConstraints());
        certificate.verify(issuer.getPublicKey());
        issuer.verify(issuer.getPublicKey());
        assertTrue(issuer.getBasicConstraints() >= 0);
        assertEquals(issuer.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        // KEA and the issuer's DSS key share one domain, as on a Fortezza card.
        assertEquals(((DSAPublicKey) issuer.getPublicKey()).getParams().getP(),
                ((KeaPrivateKey) credentials.privateKey()).keyPair().domain().p());
        certificate.checkValidity();
    }

    @Test
    void thePrivateKeyNamesKeaAndCannotEscape() throws Exception {
        assertEquals("KEA", credentials.privateKey().getAlgorithm());
        assertNull(credentials.privateKey().getEncoded());
        assertNull(credentials.privateKey().getFormat());
        ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream());
        assertThrows(NotSerializableException.class, () -> out.writeObject(credentials.privateKey()));
    }

    @Test
    void aDssCertificateIsNoKeaCertificate() {
        X509Certificate dss = credentials.chain().get(1);
        assertFalse(KeaPublicKeys.isKea(dss));
        SslAlertException e = assertThrows(SslAlertException.class, () -> KeaPublicKeys.read(dss));
        assertEquals(AlertDescription.UNSUPPORTED_CERTIFICATE, e.alert());
    }

    @Test
    void aKeaKeyOutsideTheSubgroupIsABadCertificate() throws Exception {
        KeaCertificateIssuer.Issued issued = KeaCertificateIssuer.issue("ca", TestExchangeContext.RANDOM);
        KeaDomain domain = ((KeaPrivateKey) issued.privateKey()).keyPair().domain();
        for (BigInteger bad : new BigInteger[] {BigInteger.ONE, domain.p().subtract(BigInteger.ONE)}) {
            X509Certificate certificate = KeaCertificateIssuer.issue(domain, bad, "bad", issued.issuer(),
                    issued.issuerKey(), TestExchangeContext.RANDOM);
            SslAlertException e = assertThrows(SslAlertException.class, () -> KeaPublicKeys.read(certificate));
            assertEquals(AlertDescription.BAD_CERTIFICATE, e.alert());
        }
    }

    @Test
    void theEncodingIsFixedLengthEvenForSmallValues() {
        byte[] encoded = PublicValues.encode(BigInteger.valueOf(0x0102));
        assertEquals(128, encoded.length);
        assertArrayEquals(new byte[126], Arrays.copyOf(encoded, 126));
        assertEquals(BigInteger.valueOf(0x0102), PublicValues.decode(encoded));
        assertThrows(IllegalArgumentException.class, () -> PublicValues.encode(BigInteger.ONE.shiftLeft(1024)));
    }

    @Test
    void whatTheJdkCallsTheKey() {
        // The handshake matches a server credential against KeyExchange.serverKeyAlgorithm() ("KEA"): it must take
        // the private key's algorithm, because the JDK does not know KEA and names the certificate key by its OID.
        String jdkName = credentials.certificate().getPublicKey().getAlgorithm();
        assertTrue(jdkName.equals("2.16.840.1.101.2.1.1.22") || jdkName.equals("KEA"), jdkName);
    }
}
