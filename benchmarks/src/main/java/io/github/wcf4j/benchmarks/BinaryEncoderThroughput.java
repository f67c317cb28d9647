package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.BinaryMessageEncoder;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.util.UUID;

/**
 * The binary session encoder alone, no transport (JMH-free): messages per second written and read for a typical
 * request of the benchmark's meter contract (Action, MessageID, ReplyTo, To, a small DataContract body), one session per
 * direction as a net.tcp channel has; writes directly and through the envelope text (the path before the direct
 * writer, still taken by messages with an envelope protection), reads directly and through the text (the path before
 * the direct reader, still taken by messages with a WS-Security header), in alternating rounds. Run: {@code java -cp <benchmarks classpath>
 * io.github.wcf4j.benchmarks.BinaryEncoderThroughput [seconds]}. Prints one line per phase.
 */
public final class BinaryEncoderThroughput {
    private BinaryEncoderThroughput() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BinaryMessageEncoder encoder = new BinaryMessageEncoder(BinaryMessageEncodingBindingElement.defaults());
        // alternating rounds, so that a busy machine slows both paths alike
        for (String phase : new String[] {"warm-up", "measured", "measured"}) {
            double direct = writes(encoder, seconds, false);
            double text = writes(encoder, seconds, true);
            double read = reads(encoder, seconds, false);
            double readText = reads(encoder, seconds, true);
            System.out.printf("%s: write direct %.0f msg/s, write through text (the previous path) %.0f msg/s"
                    + " (x%.2f); read direct %.0f msg/s, read through text %.0f msg/s (x%.2f)%n", phase, direct, text,
                    direct / text, read, readText, read / readText);
        }
    }

    /** Messages written per second on one session; {@code throughText}: the envelope text transcoded, as before. */
    private static double writes(BinaryMessageEncoder encoder, int seconds, boolean throughText) {
        BinaryMessageEncoder.Session session = encoder.newSession();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            Message m = message();
            if (throughText) {
                m.properties().put(EnvelopeProtection.class, envelope -> envelope);
            }
            encoder.write(m, session);
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Messages read per second on one session; {@code throughText}: records to text, then the text reader. */
    private static double reads(BinaryMessageEncoder encoder, int seconds, boolean throughText) {
        BinaryMessageEncoder.Session out = encoder.newSession();
        BinaryMessageEncoder.Session in = encoder.newSession();
        byte[] first = encoder.write(message(), out);
        encoder.read(first, 0, first.length, in);
        byte[] steady = encoder.write(message(), out);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            Message m = throughText ? encoder.readThroughText(steady, 0, steady.length, in)
                    : encoder.read(steady, 0, steady.length, in);
            if (m.body().xml().isEmpty()) {
                throw new IllegalStateException("an empty body");
            }
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static Message message() {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "http://tempuri.org/IMeter/Record",
                new XmlFragment("<Record xmlns=\"http://tempuri.org/\"><reading xmlns:b=\"http://schemas.datacontract"
                        + ".org/2004/07/Meters\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><b:Meter>m-17"
                        + "</b:Meter><b:Value>42.5</b:Value><b:When>2026-12-07T21:00:00Z</b:When></reading></Record>"));
        m.headers().messageId("urn:uuid:" + UUID.randomUUID());
        m.headers().replyTo(EndpointAddress.of("http://www.w3.org/2005/08/addressing/anonymous"));
        m.headers().to(EndpointAddress.of(URI.create("net.tcp://localhost:8808/meter")));
        return m;
    }
}
