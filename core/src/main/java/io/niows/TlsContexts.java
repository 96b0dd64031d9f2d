package io.niows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Server TLS contexts from the files servers are usually given, with the JDK alone: a PKCS#12
 * keystore, or a PEM certificate chain and a PEM PKCS#8 private key (what {@code openssl req
 * -newkey ... -nodes} and most certificate authorities' tools write). Hand the result to
 * {@link WebSocketServer.Builder#tls}.
 *
 * <pre>{@code
 * SSLContext tls = TlsContexts.fromPem(Path.of("cert.pem"), Path.of("key.pem"));
 * WebSocketServer.builder().port(8443).tls(tls)...
 * }</pre>
 *
 * <p>Thread-safe: stateless.
 */
public final class TlsContexts {

    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";
    /** The key algorithms tried in turn on a PKCS#8 key: the encoding names its algorithm only as an OID. */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA");

    private TlsContexts() {
    }

    /**
     * A server context from a PKCS#12 keystore holding one private key and its certificate chain.
     *
     * @param keystore the {@code .p12} file
     * @param password the keystore's password, also the key's (as {@code keytool} and {@code
     *     openssl pkcs12} write them)
     * @return a TLS context whose key managers hold that key
     * @throws IOException if the file cannot be read, or the password is wrong
     * @throws GeneralSecurityException if the keystore holds no usable key
     */
    public static SSLContext fromPkcs12(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        return serverContext(store, password);
    }

    /**
     * A server context from PEM files.
     *
     * @param certificateChain the server's certificate first, then any intermediates
     *     ({@code -----BEGIN CERTIFICATE-----} blocks)
     * @param privateKey an unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----}); a
     *     PKCS#1 key ({@code BEGIN RSA PRIVATE KEY}) converts with {@code openssl pkcs8 -topk8
     *     -nocrypt}
     * @return a TLS context whose key managers hold that key and chain
     * @throws IOException if a file cannot be read
     * @throws GeneralSecurityException if a file holds no certificate or no PKCS#8 key
     */
    public static SSLContext fromPem(Path certificateChain, Path privateKey) throws IOException,
            GeneralSecurityException {
        List<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificateChain)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + certificateChain);
        }
        PrivateKey key = readPkcs8(privateKey);
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, password, chain.toArray(new Certificate[0]));
        return serverContext(store, password);
    }

    private static PrivateKey readPkcs8(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(PKCS8_BEGIN);
        int end = pem.indexOf(PKCS8_END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("no unencrypted PKCS#8 key (" + PKCS8_BEGIN + ") in " + file
                    + "; convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PKCS8_BEGIN.length(), end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | NoSuchAlgorithmException notThisOne) {
                // the next algorithm may read it
            }
        }
        throw new GeneralSecurityException("the key in " + file + " is none of " + KEY_ALGORITHMS);
    }

    private static SSLContext serverContext(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
