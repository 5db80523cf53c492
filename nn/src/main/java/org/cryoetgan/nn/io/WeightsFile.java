package org.cryoetgan.nn.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.cryoetgan.nn.LoadReport;
import org.cryoetgan.nn.Module;

/**
 * One module's state as a plain safetensors file whose tensor names are the module's state names (so that it
 * loads directly into the same network in PyTorch).
 */
public final class WeightsFile {
    private WeightsFile() {
    }

    public static void save(Path file, Module module, Map<String, String> metadata) throws IOException {
        SafeTensors.write(file, StateTransfer.toHost(module, ""), metadata);
    }

    /**
     * Loads the file into {@code module}. Strict loading fails with a {@link org.cryoetgan.nn.StateDictException}
     * that names the file and every missing, unexpected and mis-shaped tensor.
     */
    public static LoadReport load(Path file, Module module, boolean strict) throws IOException {
        return StateTransfer.load(file, SafeTensors.read(file).tensors(), module, strict);
    }
}
