package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The key material of the symmetric modes: P_SHA1, the derived key token's codec and WCF's limits, the wrapped key,
 * the block cipher, and that every decryption failure looks the same.
 */
class SymmetricKeyPrimitivesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final AlgorithmSuite BASIC256 = AlgorithmSuite.forName("Default");
    private static KeyPair service;
    private static KeyPair other;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        service = g.generateKeyPair();
        other = g.generateKeyPair();
    }

    @Test
    void pSha1IsTheWsSecureConversationDerivationWithTheDefaultLabel() {
        byte[] secret = new byte[32];
        byte[] nonce = new byte[16];
        for (int i = 0; i < 32; i++) {
            secret[i] = (byte) i;
        }
        for (int i = 0; i < 16; i++) {
            nonce[i] = (byte) (0xa0 + i);
        }
        // computed independently (Python's hmac): HMAC-SHA1 chain A(i), output HMAC(secret, A(i) ‖ label ‖ nonce)
        assertEquals("dc121eaed82a90bdb413d94d9467e66af0cd92bb2c278f4c",
                HEX.formatHex(KeyDerivation.pSha1(secret, KeyDerivation.DEFAULT_LABEL, nonce, 0, 24)));
        assertEquals("b413d94d9467e66af0cd92bb2c278f4c7b9f18882d28bbe647a8fbcf164bd1cf",
                HEX.formatHex(KeyDerivation.pSha1(secret, KeyDerivation.DEFAULT_LABEL, nonce, 8, 32)));
    }

    @Test
    void theSuitesKnowTheirKeysAndDerivationLengths() {
        assertEquals(256, BASIC256.keyBits());
        assertEquals(192, BASIC256.signingDerivationBits());
        assertEquals(256, BASIC256.encryptionDerivationBits());
        assertEquals(AlgorithmSuite.RSA_OAEP, BASIC256.asymmetricKeyWrap());
        assertEquals(AlgorithmSuite.HMAC_SHA1, BASIC256.symmetricSignature());
        assertEquals(AlgorithmSuite.RSA_15, AlgorithmSuite.forName("Basic128Rsa15").asymmetricKeyWrap());
        assertEquals(AlgorithmSuite.HMAC_SHA256, AlgorithmSuite.forName("Basic256Sha256").symmetricSignature());
        assertEquals(AlgorithmSuite.TRIPLE_DES, AlgorithmSuite.forName("TripleDes").encryption());
        assertEquals(false, BASIC256.acceptsKeyBits(128));
        assertEquals(true, AlgorithmSuite.forName("Basic128").acceptsKeyBits(256));
    }

    @Test
    void aDerivedKeyTokenIsWrittenAsWcfWritesItAndReadBack() {
        Document doc = DomXml.newDocument();
        TokenReference ek = new TokenReference.Local("uuid-1", WsSecurityNames.ENCRYPTED_KEY_TOKEN);
        DerivedKeyToken signing = new DerivedKeyToken("_0", ek, 0, 24, KeyDerivation.DEFAULT_LABEL, new byte[16]);
        Element written = signing.write(doc, WsSecurityNames.SC_FEB2005, WsSecurityNames.ENCRYPTED_KEY_TOKEN);
        assertEquals("<c:DerivedKeyToken u:Id=\"_0\" xmlns:c=\"http://schemas.xmlsoap.org/ws/2005/02/sc\">"
                + "<o:SecurityTokenReference k:TokenType=\"http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKey\""
                + " xmlns:k=\"http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd\">"
                + "<o:Reference ValueType=\"http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKey\""
                + " URI=\"#uuid-1\"/></o:SecurityTokenReference>"
                + "<c:Offset>0</c:Offset><c:Length>24</c:Length><c:Nonce>AAAAAAAAAAAAAAAAAAAAAA==</c:Nonce>"
                + "</c:DerivedKeyToken>", withoutOuterNamespaces(DomXml.write(written)));
        DerivedKeyToken read = DerivedKeyToken.read(written, WsSecurityNames.SC_FEB2005);
        assertEquals(ek, read.source());
        assertEquals(24, read.length());
        assertEquals(0, read.offset());
        byte[] secret = KeyWrap.generateKey(256);
        assertArrayEquals(signing.key(secret), read.key(secret));

        DerivedKeyToken encryption = DerivedKeyToken.create("_1", ek, 32);
        String enc = DomXml.write(encryption.write(doc, WsSecurityNames.SC_FEB2005, null));
        assertEquals(false, enc.contains("Offset") || enc.contains("Length"), enc);
        assertEquals(16, encryption.nonce().length);
        assertEquals(32, DerivedKeyToken.read(DomXml.parse(dkt("<c:Nonce>AAAA</c:Nonce>")), SC).length());
    }

    private static final String SC = WsSecurityNames.SC_FEB2005;

    private static String dkt(String parts) {
        return "<c:DerivedKeyToken xmlns:c=\"" + SC + "\" xmlns:o=\"" + WsSecurityNames.WSSE + "\">"
                + "<o:SecurityTokenReference><o:Reference URI=\"#k\"/></o:SecurityTokenReference>" + parts
                + "</c:DerivedKeyToken>";
    }

    private static String withoutOuterNamespaces(String xml) {
        return xml.replace(" xmlns:u=\"" + WsSecurityNames.WSU + "\"", "")
                .replace(" xmlns:o=\"" + WsSecurityNames.WSSE + "\"", "");
    }

    @Test
    void derivedKeyTokensBeyondWcfsLimitsAreRefused() {
        String nonce = "<c:Nonce>AAAA</c:Nonce>";
        assertEquals(64, DerivedKeyToken.read(DomXml.parse(dkt("<c:Offset>64</c:Offset><c:Length>24</c:Length>"
                + nonce)), SC).offset());
        for (String bad : new String[] {
            "<c:Offset>65</c:Offset>" + nonce,
            "<c:Generation>3</c:Generation><c:Length>24</c:Length>" + nonce,
            "<c:Offset>0</c:Offset><c:Generation>0</c:Generation>" + nonce,
            "<c:Offset>-1</c:Offset>" + nonce,
            "<c:Length>0</c:Length>" + nonce,
            "<c:Length>1025</c:Length>" + nonce,
            "<c:Label>" + "x".repeat(129) + "</c:Label>" + nonce,
            "<c:Nonce>" + java.util.Base64.getEncoder().encodeToString(new byte[129]) + "</c:Nonce>",
            "",
            "<c:Nonce>!!</c:Nonce>",
            "<c:Secret>AAAA</c:Secret>" + nonce }) {
            assertThrows(MessageSecurityException.class,
                    () -> DerivedKeyToken.read(DomXml.parse(dkt(bad)), SC), bad);
        }
        assertThrows(MessageSecurityException.class, () -> DerivedKeyToken.read(DomXml.parse(
                dkt(nonce)), WsSecurityNames.SC_13));
    }

    @Test
    void theKeyIsWrappedToTheServiceAndNamedByItsSha1() {
        byte[] key = KeyWrap.generateKey(256);
        byte[] wrapped = KeyWrap.wrap(AlgorithmSuite.RSA_OAEP, service.getPublic(), key);
        EncryptedKeyToken token = new EncryptedKeyToken("uuid-ek", AlgorithmSuite.RSA_OAEP, "dGh1bWI=", wrapped);
        Element written = token.write(DomXml.newDocument());
        EncryptedKeyToken read = EncryptedKeyToken.read(DomXml.children(DomXml.parse("<w xmlns:o=\""
                + WsSecurityNames.WSSE + "\">" + DomXml.write(written) + "</w>")).get(0));
        assertEquals("dGh1bWI=", read.thumbprint());
        assertArrayEquals(key, read.unwrap(BASIC256, service.getPrivate()));
        assertEquals(token.sha1(), read.sha1());
        assertEquals(28, token.sha1().length());
        String xml = DomXml.write(written);
        assertEquals(true, xml.startsWith("<e:EncryptedKey Id=\"uuid-ek\" xmlns:e=\"http://www.w3.org/2001/04/xmlenc#\">"
                + "<e:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p\">"
                + "<DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\""
                + " xmlns=\"http://www.w3.org/2000/09/xmldsig#\"/></e:EncryptionMethod>"
                + "<KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><o:SecurityTokenReference"), xml);
    }

    @Test
    void aPkcs1KeyToAnOaepSuiteIsRefusedBeforeDecryption() {
        byte[] wrapped = KeyWrap.wrap(AlgorithmSuite.RSA_15, service.getPublic(), KeyWrap.generateKey(256));
        EncryptedKeyToken token = new EncryptedKeyToken("k", AlgorithmSuite.RSA_15, "dA==", wrapped);
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> token.unwrap(BASIC256, service.getPrivate()));
        assertEquals("The algorithm 'http://www.w3.org/2001/04/xmlenc#rsa-1_5' is not accepted for operation"
                + " 'AsymmetricKeyWrap' by algorithm suite Basic256.", e.getMessage());
    }

    @Test
    void everyDecryptionFailureIsTheSameFailure() {
        byte[] key = KeyWrap.generateKey(256);
        byte[] plain = "<Add xmlns=\"urn:x\"><a>1</a></Add>".getBytes(StandardCharsets.UTF_8);
        byte[] cipher = BlockCipher.encrypt(AlgorithmSuite.AES256, key, plain);
        assertArrayEquals(plain, BlockCipher.decrypt(AlgorithmSuite.AES256, key, cipher));
        assertEquals(0, (cipher.length - 16) % 16);

        byte[] lastByteFlipped = cipher.clone();
        lastByteFlipped[lastByteFlipped.length - 1] ^= 1;
        byte[] truncated = Arrays.copyOf(cipher, cipher.length - 3);
        byte[] ivOnly = Arrays.copyOf(cipher, 16);
        byte[] wrongKey = KeyWrap.generateKey(256);
        byte[] shortKey = KeyWrap.generateKey(64);
        byte[] wrapped = KeyWrap.wrap(AlgorithmSuite.RSA_OAEP, service.getPublic(), key);
        byte[] wrappedFlipped = wrapped.clone();
        wrappedFlipped[7] ^= 1;
        EncryptedKeyToken shortWrapped = new EncryptedKeyToken("k", AlgorithmSuite.RSA_OAEP, "dA==",
                KeyWrap.wrap(AlgorithmSuite.RSA_OAEP, service.getPublic(), KeyWrap.generateKey(128)));
        for (Runnable tampered : new Runnable[] {
            () -> BlockCipher.decrypt(AlgorithmSuite.AES256, key, truncated),
            () -> BlockCipher.decrypt(AlgorithmSuite.AES256, key, ivOnly),
            () -> BlockCipher.decrypt(AlgorithmSuite.AES256, shortKey, cipher),
            () -> KeyWrap.unwrap(AlgorithmSuite.RSA_OAEP, other.getPrivate(), wrapped),
            () -> KeyWrap.unwrap(AlgorithmSuite.RSA_OAEP, service.getPrivate(), wrappedFlipped),
            () -> shortWrapped.unwrap(BASIC256, service.getPrivate()) }) {
            MessageSecurityException e = assertThrows(MessageSecurityException.class, tampered::run);
            assertEquals(BlockCipher.DECRYPTION_FAILED, e.getMessage());
            assertEquals(null, e.getCause());
        }
        // CBC has no integrity: a flipped byte or a wrong key gives valid padding one time in 16, then garbage
        // (the signature over the plaintext catches it); otherwise the same failure
        for (byte[][] attempt : new byte[][][] {{key, lastByteFlipped}, {wrongKey, cipher}}) {
            try {
                byte[] garbage = BlockCipher.decrypt(AlgorithmSuite.AES256, attempt[0], attempt[1]);
                assertEquals(false, Arrays.equals(plain, garbage));
            } catch (MessageSecurityException e) {
                assertEquals(BlockCipher.DECRYPTION_FAILED, e.getMessage());
            }
        }
    }

    @Test
    void tripleDesUsesItsEightByteBlocks() {
        byte[] key = KeyWrap.generateKey(192);
        byte[] cipher = BlockCipher.encrypt(AlgorithmSuite.TRIPLE_DES, key, new byte[5]);
        assertEquals(16, cipher.length);
        assertArrayEquals(new byte[5], BlockCipher.decrypt(AlgorithmSuite.TRIPLE_DES, key, cipher));
        assertEquals(MessageSecurityVersion.WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11,
                MessageSecurityVersion.values()[0]);
    }
}
