package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import io.github.wcf4j.binding.transaction.TransactionProtocol;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.Arrays;

/** {@code <transactionFlow>}. */
public class TransactionFlowXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String transactionProtocol;
    @JacksonXmlProperty(isAttribute = true) public String allowWildcardAction;

    @Override
    public BindingElement toModel(ConfigContext ctx) {
        return new TransactionFlowBindingElement(true, protocol(this, ctx, transactionProtocol),
                ctx.bool(this, "allowWildcardAction", allowWildcardAction, false));
    }

    /** WCF's {@code TransactionProtocolConverter}: exact literals. */
    static TransactionProtocol protocol(LocatedXml at, ConfigContext ctx, String raw) {
        return ctx.converted(at, "transactionProtocol", raw,
                s -> Arrays.stream(TransactionProtocol.values()).filter(p -> p.name().equals(s)).findFirst(),
                WcfText.ConfigInvalidTransactionFlowProtocolValue::format, TransactionProtocol.DEFAULT);
    }
}
