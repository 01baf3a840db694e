/**
 * How a {@link com.weegigs.events.runtime.NatsService} and a
 * {@link com.weegigs.events.runtime.client.ServiceClient} prove who they are to NATS and how they
 * check the server: {@link com.weegigs.events.runtime.connection.NatsAuth} (user and password,
 * token, NKey seed, credentials file) and {@link com.weegigs.events.runtime.connection.TlsConfig}
 * (trusted CA, client certificate, hostname verification). Each is an immutable record whose
 * constructor checks its values, files included, and names every problem at once; both builders
 * apply them when they open the connection from a URL.
 */
package com.weegigs.events.runtime.connection;
