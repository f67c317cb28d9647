package io.github.wcf4j.runtime.encoding;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.message.Message;

/**
 * Whatever bytes arrive, the message decoder gives a message or a clean refusal (the {@link ProtocolException} that
 * becomes HTTP 400, or a reader quota's {@link QuotaExceededException}), never another exception. Small quotas make
 * the fuzzer reach them. {@code mvn verify} runs the seed inputs ({@code EnvelopeReaderFuzzTestInputs}); fuzz with
 * {@code JAZZER_FUZZ=1 mvn -pl runtime test -Dtest=EnvelopeReaderFuzzTest}.
 */
class EnvelopeReaderFuzzTest {
    private static final TextMessageEncoder ENCODER = new TextMessageEncoder(TextMessageEncodingBindingElement
            .defaults().withReaderQuotas(new ReaderQuotas(8, 64, 16384, 64, 16384)));

    @FuzzTest(maxDuration = "60s")
    void anyBytesAreAMessageOrAClearRefusal(byte[] data) {
        try {
            Message m = ENCODER.read(data, "application/soap+xml; charset=utf-8");
            m.headers().action(); // a message, headers read
            m.body().xml();
        } catch (ProtocolException | QuotaExceededException refused) {
            // a clean refusal
        }
    }
}
