package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.BinaryMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.util.UUID;

/**
 * The binary session encoder alone, no transport (JMH-free): messages per second written and read for a typical
 * request of the benchmark's meter contract (Action, MessageID, ReplyTo, To, a small DataContract body), one session per
 * direction as a net.tcp channel has. Run: {@code java -cp <benchmarks classpath>
 * io.github.wcf4j.benchmarks.BinaryEncoderThroughput [seconds]}. Prints one line per phase.
 */
public final class BinaryEncoderThroughput {
    private BinaryEncoderThroughput() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BinaryMessageEncoder encoder = new BinaryMessageEncoder(BinaryMessageEncodingBindingElement.defaults());
        BinaryMessageEncoder.Session writing = encoder.newSession();
        BinaryMessageEncoder.Session reading = encoder.newSession();
        byte[] sample = encoder.write(message(), writing);
        encoder.read(sample, 0, sample.length, reading);
        for (String phase : new String[] {"warm-up", "measured"}) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long writes = 0;
            long bytes = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                byte[] b = encoder.write(message(), writing);
                bytes += b.length;
                writes++;
            }
            double writeRate = writes / ((System.nanoTime() - start) / 1e9);
            end = System.nanoTime() + seconds * 1_000_000_000L;
            long reads = 0;
            start = System.nanoTime();
            BinaryMessageEncoder.Session again = encoder.newSession();
            byte[] first = encoder.write(message(), again);
            BinaryMessageEncoder.Session in = encoder.newSession();
            encoder.read(first, 0, first.length, in);
            byte[] steady = encoder.write(message(), again);
            while (System.nanoTime() < end) {
                encoder.read(steady, 0, steady.length, in);
                reads++;
            }
            double readRate = reads / ((System.nanoTime() - start) / 1e9);
            System.out.printf("%s: write %.0f msg/s (%d bytes each), read %.0f msg/s%n", phase, writeRate,
                    bytes / Math.max(1, writes), readRate);
        }
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
