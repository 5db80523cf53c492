package org.cryoetgan.nn.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The content of a safetensors file: tensors by name (in file order) and the string-to-string metadata. */
public record SafeTensorsFile(Map<String, HostTensor> tensors, Map<String, String> metadata) {

    public SafeTensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
