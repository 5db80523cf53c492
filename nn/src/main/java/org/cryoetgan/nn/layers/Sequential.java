package org.cryoetgan.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;

/** Applies its children in order; they are named {@code 0, 1, 2, ...} as in PyTorch. */
public final class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    public Sequential(List<? extends Module> modules) {
        modules.forEach(this::add);
    }

    /** Appends a layer; returns this. */
    public Sequential add(Module m) {
        registerModule(Integer.toString(layers.size()), m);
        layers.add(m);
        return this;
    }

    public Module get(int i) {
        return layers.get(i);
    }

    public int size() {
        return layers.size();
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : layers) {
            x = m.forward(x);
        }
        return x;
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}
