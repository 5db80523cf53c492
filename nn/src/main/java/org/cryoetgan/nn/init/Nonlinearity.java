package org.cryoetgan.nn.init;

/** Nonlinearities and their recommended gains (as PyTorch's {@code calculate_gain}). */
public enum Nonlinearity {
    LINEAR, SIGMOID, TANH, RELU, LEAKY_RELU;

    /** The gain; {@code slope} is the negative slope of LEAKY_RELU and ignored otherwise. */
    public double gain(double slope) {
        return switch (this) {
            case LINEAR, SIGMOID -> 1.0;
            case TANH -> 5.0 / 3.0;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1.0 + slope * slope));
        };
    }
}
