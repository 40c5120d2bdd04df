package bebop.io.model;

import java.util.Arrays;

/**
 * A named parameter array of a model: a shape and its values, flat in row-major order.
 *
 * <p>Immutable: the constructor copies its arrays, {@link #values()} and {@link #shape()} return
 * copies. Use {@link #copyTo(double[])} to fill an array the network owns without an extra copy.
 */
public record Tensor(int[] shape, double[] values) {
    public Tensor {
        if (shape == null || values == null) {
            throw new IllegalArgumentException("tensor shape and values must not be null");
        }
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in tensor shape " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor shape too large: " + Arrays.toString(shape));
            }
        }
        if (n != values.length) {
            throw new IllegalArgumentException("tensor shape " + Arrays.toString(shape) + " holds " + n
                    + " values, but " + values.length + " were given");
        }
        values = values.clone();
    }

    /** A rank-1 tensor holding {@code values}. */
    public static Tensor vector(double... values) {
        return new Tensor(new int[] {values.length}, values);
    }

    /** A rank-2 tensor, {@code rows x cols}, row-major. */
    public static Tensor matrix(int rows, int cols, double[] values) {
        return new Tensor(new int[] {rows, cols}, values);
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    /** Copies the values into {@code dst}, which must have exactly {@link #size()} elements. */
    public void copyTo(double[] dst) {
        if (dst.length != values.length) {
            throw new IllegalArgumentException("tensor has " + values.length + " values, array has " + dst.length);
        }
        System.arraycopy(values, 0, dst, 0, values.length);
    }

    /** Bit-exact equality of shape and values (NaN equals NaN with the same bits). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t)) {
            return false;
        }
        if (!Arrays.equals(shape, t.shape) || values.length != t.values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.doubleToRawLongBits(values[i]) != Double.doubleToRawLongBits(t.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
