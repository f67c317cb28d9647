package io.github.wcf4j.binding.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * A negotiated stack: the layers, top to bottom, that build {@link #shape()} on {@link #side()}. The runtime builds
 * exactly this plan, and {@code wcf4j describe} prints it.
 */
public record StackPlan(Side side, ChannelShape shape, List<PlannedLayer> layers) {

    public StackPlan {
        layers = List.copyOf(layers);
    }

    /** One line per layer, top to bottom, with the back channel indented: {@code reliableSession  IDuplexSessionChannel ← IDuplexChannel}. */
    public List<String> describe() {
        ArrayList<String> lines = new ArrayList<>();
        describe("", lines);
        return lines;
    }

    private void describe(String indent, List<String> lines) {
        for (PlannedLayer layer : layers) {
            String over = layer.over().map(s -> " \u2190 " + s.wcfName()).orElse("");
            lines.add(indent + layer.name() + ": " + layer.builds().wcfName() + over);
            layer.backChannel().ifPresent(back -> {
                lines.add(indent + "  back channel (" + (back.side() == Side.SERVICE ? "listener" : "factory") + "):");
                back.describe(indent + "    ", lines);
            });
        }
    }
}
