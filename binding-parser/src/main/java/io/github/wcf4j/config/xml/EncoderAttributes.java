package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** The {@code messageVersion} attribute as WCF's {@code MessageVersionConverter} reads it (exact literals). */
final class EncoderAttributes {
    private EncoderAttributes() {
    }

    static MessageVersion messageVersion(LocatedXml at, ConfigContext ctx, String raw) {
        return ctx.converted(at, "messageVersion", raw, MessageVersion::forWcfName,
                v -> WcfText.ConfigInvalidClassFactoryValue.format(v, "System.ServiceModel.Channels.MessageVersion"),
                MessageVersion.DEFAULT);
    }
}
