package io.github.wcf4j.runtime.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificates of one certificate file ({@code .pem}, {@code .crt}, {@code .cer}): PEM text with any number of
 * {@code CERTIFICATE} blocks and at most one unencrypted PKCS#8 {@code PRIVATE KEY} block, or DER (a certificate or a
 * PKCS#7 bundle, as Windows exports a {@code .cer}). Without a key every certificate is an entry of the store. With a
 * key, the file is one credential, as a {@code .pfx} is: the certificate the key belongs to, with the file's other
 * certificates as its chain (Windows puts a PFX's issuers in other stores, not beside it). An encrypted or PKCS#1 key
 * is an error that says how to convert it, rather than a certificate silently without its key.
 */
final class PemFile {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "DSA");

    private PemFile() {
    }

    /** The entries of {@code path}, named by its file name (the second and later ones {@code name:2}, ...). */
    static List<StoredCertificate> read(Path path) throws GeneralSecurityException, IOException {
        byte[] bytes = Files.readAllBytes(path);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        if (!text.contains("-----BEGIN ")) {
            certificates.addAll(der(bytes));
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
            switch (m.group(1)) {
                case "CERTIFICATE", "X509 CERTIFICATE" -> certificates.addAll(der(der));
                case "PRIVATE KEY" -> {
                    if (key != null) {
                        throw new GeneralSecurityException("more than one PRIVATE KEY block; a file holds one"
                                + " credential");
                    }
                    key = privateKey(der);
                }
                case "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" ->
                        throw new GeneralSecurityException("a " + m.group(1) + " block: wcf4j reads unencrypted PKCS#8"
                                + " keys (BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY"
                                + " -out KEY.pem, or put key and certificate in a .p12");
                default -> {
                    // a CRL, a public key, parameters: not part of a store
                }
            }
        }
        String name = path.getFileName().toString();
        if (key == null) {
            List<StoredCertificate> out = new ArrayList<>();
            for (X509Certificate c : certificates) {
                out.add(new StoredCertificate(out.isEmpty() ? name : name + ":" + (out.size() + 1), c, List.of(c),
                        Optional.empty()));
            }
            return out;
        }
        X509Certificate owner = owner(key, certificates);
        List<X509Certificate> chain = new ArrayList<>(List.of(owner));
        certificates.stream().filter(c -> c != owner).forEach(chain::add);
        return List.of(new StoredCertificate(name, owner, chain, Optional.of(key)));
    }

    private static List<X509Certificate> der(byte[] der) throws CertificateException {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der)).stream()
                .map(X509Certificate.class::cast).toList();
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // not this algorithm's key
            }
        }
        throw new GeneralSecurityException("the PRIVATE KEY block is not a PKCS#8 key of " + KEY_ALGORITHMS);
    }

    /** The certificate whose public key verifies what {@code key} signs. */
    private static X509Certificate owner(PrivateKey key, List<X509Certificate> certificates)
            throws GeneralSecurityException {
        byte[] probe = "wcf4j".getBytes(StandardCharsets.US_ASCII);
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm();
        };
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        for (X509Certificate c : certificates) {
            if (!c.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
                continue;
            }
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(c.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return c;
            }
        }
        throw new GeneralSecurityException("the PRIVATE KEY belongs to none of the file's " + certificates.size()
                + " certificate(s)");
    }
}
