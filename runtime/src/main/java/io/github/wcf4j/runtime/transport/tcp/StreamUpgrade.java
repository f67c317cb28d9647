package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.netty.channel.ChannelPipeline;
import java.net.URI;
import java.util.concurrent.Executor;

/**
 * A stream upgrade of a net.tcp connection ([MC-NMF] UpgradeRequest/UpgradeResponse; WCF's
 * {@code StreamUpgradeProvider}): {@code windowsStreamSecurity} ({@code application/negotiate}, [MS-NNS]) or
 * {@code sslStreamSecurity} ({@code application/ssl-tls}, TLS). Its layer contributes it as a binding parameter, and
 * the TCP transport runs it between the preamble's encoding record and PreambleEnd: the handlers it installs at the
 * head of a connection's pipeline run the handshake on the raw bytes, then carry every later record. They report the
 * end of the handshake with a {@link StreamUpgradeCompleted} user event, or its failure with a
 * {@link io.github.wcf4j.runtime.channel.SecurityNegotiationException} through {@code exceptionCaught}.
 */
public interface StreamUpgrade {
    /** The upgrade's content type in the UpgradeRequest record. */
    String contentType();

    /**
     * Checks, when the factory or listener opens, that this side has what the upgrade needs (its certificate, its
     * Kerberos identity).
     *
     * @param service which side opens
     * @throws IllegalStateException naming what is missing
     */
    void open(boolean service);

    /**
     * Client: installs the upgrade's handlers at the head of {@code pipeline}, the UpgradeResponse having been read,
     * for the service at {@code to} reached through {@code via}; {@code work} runs what may block (a KDC request).
     */
    void initiate(ChannelPipeline pipeline, EndpointAddress to, URI via, Executor work);

    /** Service: installs the upgrade's handlers at the head of {@code pipeline}, the UpgradeResponse having been sent. */
    void accept(ChannelPipeline pipeline, URI via, Executor work);
}
