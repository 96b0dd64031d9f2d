package io.niows.server;

import io.niows.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates the TLS tests make with the JDK's {@code keytool} (once per test JVM,
 * in a temporary folder deleted at exit): none is committed. {@link #LOCALHOST} names {@code
 * localhost} and {@code 127.0.0.1}; {@link #ELSEWHERE} names only {@code elsewhere.invalid}, for
 * the host-name mismatch; {@link #CLIENT} is a client's certificate, {@code CN=client}, for mutual
 * TLS. Thread-safe: immutable once made.
 */
final class TestCertificates {

    static final char[] PASSWORD = "changeit".toCharArray();
    static final TestCertificates LOCALHOST = make("localhost", "dns:localhost,ip:127.0.0.1");
    static final TestCertificates ELSEWHERE = make("elsewhere", "dns:elsewhere.invalid");
    static final TestCertificates CLIENT = make("client", "dns:client.invalid");

    /** The PKCS#12 keystore, its PEM certificate, and its PEM PKCS#8 key. */
    final Path keystore;
    final Path certificatePem;
    final Path keyPem;

    private TestCertificates(Path keystore, Path certificatePem, Path keyPem) {
        this.keystore = keystore;
        this.certificatePem = certificatePem;
        this.keyPem = keyPem;
    }

    /** A server context holding this certificate. */
    SSLContext server() {
        try {
            return TlsContexts.fromPkcs12(keystore, PASSWORD);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts this certificate and nothing else. */
    SSLContext trusting() {
        return context(null, this);
    }

    /**
     * A context that presents this certificate when asked (a server's, or a client's in mutual TLS)
     * and trusts {@code peer}'s certificate and nothing else.
     */
    SSLContext presentingAndTrusting(TestCertificates peer) {
        return context(this, peer);
    }

    private static SSLContext context(TestCertificates own, TestCertificates peer) {
        try {
            KeyManager[] keys = null;
            if (own != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(own.load(), PASSWORD);
                keys = factory.getKeyManagers();
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(peer.load());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static TestCertificates make(String name, String san) {
        try {
            Path dir = Files.createTempDirectory("niows-tls-" + name);
            deleteAtExit(dir);
            Path keystore = dir.resolve(name + ".p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            run(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "2", "-dname", "CN=" + name, "-ext", "san=" + san, "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", new String(PASSWORD));
            TestCertificates made = new TestCertificates(keystore, dir.resolve(name + ".crt.pem"),
                    dir.resolve(name + ".key.pem"));
            KeyStore store = made.load();
            Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            Files.writeString(made.certificatePem, "-----BEGIN CERTIFICATE-----\n"
                    + mime.encodeToString(store.getCertificate("server").getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD);
            Files.writeString(made.keyPem, "-----BEGIN PRIVATE KEY-----\n"
                    + mime.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            return made;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not make a test certificate", e);
        }
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool took over 60 s");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteAtExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }
}
