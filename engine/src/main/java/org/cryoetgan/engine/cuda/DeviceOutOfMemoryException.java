package org.cryoetgan.engine.cuda;

/** The device could not satisfy an allocation, even after the allocator returned its cached blocks. */
public final class DeviceOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceOutOfMemoryException(String message) {
        super(message);
    }
}
