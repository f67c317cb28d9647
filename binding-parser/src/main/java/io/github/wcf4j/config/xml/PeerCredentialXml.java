package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;

/** {@code <peer>} of either credentials behavior ({@code PeerCredentialElement}). */
public class PeerCredentialXml extends LocatedXml {
    public CertificateXml certificate;
    public CertificateXml.ValidationXml peerAuthentication;
    public CertificateXml.ValidationXml messageSenderAuthentication;
}
