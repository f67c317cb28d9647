package io.github.wcf4j.runtime.encoding;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.message.Message;

/**
 * Whatever bytes arrive in a SizedEnvelope, the binary session decoder gives a message or a clean refusal (a
 * {@link CommunicationException}: a {@code ProtocolException} for malformed binary XML or envelopes, WCF's session
 * texts, a reader quota), never another exception. Small quotas make the fuzzer reach them. {@code mvn verify} runs
 * the seed inputs; fuzz with {@code JAZZER_FUZZ=1 mvn -pl runtime test -Dtest=BinaryMessageDecoderFuzzTest}.
 */
class BinaryMessageDecoderFuzzTest {
    private static final BinaryMessageEncoder ENCODER = new BinaryMessageEncoder(new BinaryMessageEncodingBindingElement(
            64, 16, 256, "None", new ReaderQuotas(8, 64, 16384, 64, 16384)));

    @FuzzTest(maxDuration = "60s")
    void anyPayloadIsAMessageOrAClearRefusal(byte[] data) {
        BinaryMessageEncoder.Session session = ENCODER.newSession();
        try {
            Message m = ENCODER.read(data, 0, data.length, session);
            m.headers().action();
            m.body().xml();
        } catch (CommunicationException refused) {
            // a clean refusal
        }
    }
}
