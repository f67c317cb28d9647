package io.github.wcf4j.runtime.security;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The certificates of a {@code <certificate encodedValue>}, in every form .NET's
 * {@code X509Certificate2Collection.Import} reads there: a DER certificate or PKCS#7 bundle, and Windows' serialized
 * certificate or serialized store ({@code CertSerializeCertificateStoreElement}, what svcutil writes: base64 starting
 * {@code AwAAAAEAAAAUAAAA}): property entries of {@code (id, encoding, length)} little-endian words and their bytes,
 * the certificate itself under id 32 ({@code CERT_CERT_PROP_ID}), a store being elements after an
 * {@code 00000000 "CERT"} header.
 */
final class SerializedCertificates {
    private static final int CERTIFICATE_ELEMENT = 32;
    private static final int END = 0;
    private static final int HEADER = 8;

    private SerializedCertificates() {
    }

    /** The certificates {@code bytes} holds, in order. */
    static List<X509Certificate> read(byte[] bytes) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        if (bytes.length > 0 && bytes[0] == 0x30) {
            return factory.generateCertificates(new ByteArrayInputStream(bytes)).stream()
                    .map(X509Certificate.class::cast).toList();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length >= HEADER && in.getInt(0) == 0 && bytes[4] == 'C' && bytes[5] == 'E' && bytes[6] == 'R'
                && bytes[7] == 'T') {
            in.position(HEADER);
        }
        List<X509Certificate> out = new ArrayList<>();
        while (in.remaining() >= 12) {
            int id = in.getInt();
            in.getInt(); // encoding type
            int length = in.getInt();
            if (id == END && length == 0) {
                break;
            }
            if (length < 0 || length > in.remaining()) {
                throw new CertificateException("truncated serialized certificate");
            }
            byte[] value = new byte[length];
            in.get(value);
            if (id == CERTIFICATE_ELEMENT) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(value)));
            }
        }
        return out;
    }
}
