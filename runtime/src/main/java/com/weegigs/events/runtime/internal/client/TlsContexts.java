package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.connection.TlsConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Turns a {@link TlsConfig} into the {@link SSLContext} jnats connects with. */
final class TlsContexts {
  private static final String PROTOCOL = "TLS";
  /** The JDK's endpoint identification that checks a certificate's names against the host, as HTTPS does. */
  private static final String HOSTNAME_CHECK = "HTTPS";
  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /** The context: the CA (or the JDK's trust store), the client certificate if any, and the host name check. */
  static SSLContext create(TlsConfig config) throws GeneralSecurityException, IOException {
    SSLContext context = SSLContext.getInstance(PROTOCOL);
    context.init(keyManagers(config), trustManagers(config), new SecureRandom());
    // jnats opens its TLS socket without endpoint identification, so the host name check is added
    // to the sockets this context makes.
    return config.verifyHostname() ? new HostnameVerifying(context) : context;
  }

  private static TrustManager[] trustManagers(TlsConfig config) throws GeneralSecurityException, IOException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (config.caFile() == null) {
      factory.init((KeyStore) null);
      return factory.getTrustManagers();
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    List<X509Certificate> authorities = Pem.certificates(config.caFile());
    for (int i = 0; i < authorities.size(); i++) {
      store.setCertificateEntry("ca-" + i, authorities.get(i));
    }
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static KeyManager[] keyManagers(TlsConfig config) throws GeneralSecurityException, IOException {
    if (config.certificateFile() == null) {
      return null;
    }
    List<X509Certificate> chain = Pem.certificates(config.certificateFile());
    PrivateKey key = Pem.privateKey(config.keyFile());
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  /** Sets the host name check on every socket and engine, so the handshake fails when the certificate names another host. */
  private static SSLParameters verifying(SSLParameters parameters) {
    parameters.setEndpointIdentificationAlgorithm(HOSTNAME_CHECK);
    return parameters;
  }

  /** A context that makes sockets and engines of another with the host name check on. */
  private static final class HostnameVerifying extends SSLContext {
    HostnameVerifying(SSLContext delegate) {
      super(new Spi(delegate), delegate.getProvider(), delegate.getProtocol());
    }
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext delegate;

    Spi(SSLContext delegate) {
      this.delegate = delegate;
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
      // it wraps a context that TlsConfig initialised; initialising the wrapper would be a mistake
      throw new UnsupportedOperationException("this SSLContext wraps one that is already initialised");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return new VerifyingSocketFactory(delegate.getSocketFactory());
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return delegate.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      SSLEngine engine = delegate.createSSLEngine();
      engine.setSSLParameters(verifying(engine.getSSLParameters()));
      return engine;
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      SSLEngine engine = delegate.createSSLEngine(host, port);
      engine.setSSLParameters(verifying(engine.getSSLParameters()));
      return engine;
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return delegate.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return delegate.getClientSessionContext();
    }
  }

  private static final class VerifyingSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    VerifyingSocketFactory(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    private static Socket verify(Socket socket) {
      SSLSocket ssl = (SSLSocket) socket;
      ssl.setSSLParameters(verifying(ssl.getSSLParameters()));
      return ssl;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
      return verify(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
      return verify(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return verify(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return verify(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return verify(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return verify(delegate.createSocket(address, port, localAddress, localPort));
    }
  }
}
