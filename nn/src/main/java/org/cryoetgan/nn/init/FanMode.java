package org.cryoetgan.nn.init;

/** Which fan Kaiming initialisation preserves: the forward pass's ({@code FAN_IN}) or the backward pass's. */
public enum FanMode {
    FAN_IN, FAN_OUT
}
