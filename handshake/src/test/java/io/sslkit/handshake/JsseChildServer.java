package io.sslkit.handshake;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A SunJSSE echo server for a child JVM, where JSSE runs with its default settings (extended master secret on), which
 * this test JVM had to turn off for SSL 3.0. Arguments: PKCS#12 file, password, protocol, suite, connections. Prints
 * its port, then for each connection "session &lt;hex id&gt;".
 */
public final class JsseChildServer {
    private JsseChildServer() {
    }

    public static void main(String[] args) throws Exception {
        char[] pw = args[1].toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(args[0])) {
            ks.load(in, pw);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress())) {
            ss.setEnabledProtocols(new String[] {args[2]});
            ss.setEnabledCipherSuites(new String[] {args[3]});
            System.out.println(ss.getLocalPort());
            System.out.flush();
            for (int i = 0; i < Integer.parseInt(args[4]); i++) {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(20_000);
                    s.startHandshake();
                    System.out.println("session " + java.util.HexFormat.of().formatHex(s.getSession().getId()));
                    System.out.flush();
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            }
        }
    }
}
