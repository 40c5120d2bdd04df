package bebop.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bytes for the core's result values (records of records, enums, lists, strings, numbers, int and
 * double arrays) so that Spark can carry them between JVMs without the core's types being
 * {@link java.io.Serializable}. A record is rebuilt through its canonical constructor, so it is
 * checked and copied as when the core makes it.
 */
final class RecordCodec {
    private static final int NULL = 0, STRING = 1, INT = 2, LONG = 3, DOUBLE = 4, BOOLEAN = 5, INTS = 6, DOUBLES = 7,
            ENUM = 8, LIST = 9, RECORD = 10;

    private RecordCodec() {
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T> T decode(byte[] bytes, Class<T> type) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return type.cast(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            // not writeUTF: it stops at 65,535 bytes, and a file's text (a warning, a name) may be longer
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof int[] a) {
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (v instanceof double[] a) {
            out.writeByte(DOUBLES);
            out.writeInt(a.length);
            for (double x : a) {
                out.writeDouble(x);
            }
        } else if (v instanceof Enum<?> e) {
            out.writeByte(ENUM);
            out.writeUTF(e.getDeclaringClass().getName());
            out.writeUTF(e.name());
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object x : list) {
                write(out, x);
            }
        } else if (v instanceof Record r) {
            out.writeByte(RECORD);
            out.writeUTF(r.getClass().getName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                write(out, get(c, r));
            }
        } else {
            throw new IllegalArgumentException("no bytes for a " + v.getClass().getName());
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case STRING: return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case DOUBLE: return in.readDouble();
            case BOOLEAN: return in.readBoolean();
            case INTS: {
                int[] a = new int[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readInt();
                }
                return a;
            }
            case DOUBLES: {
                double[] a = new double[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readDouble();
                }
                return a;
            }
            case ENUM: return enumValue(type(in.readUTF()), in.readUTF());
            case LIST: {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return Collections.unmodifiableList(list);
            }
            case RECORD: return record(type(in.readUTF()), in);
            default: throw new IOException("not a value's bytes (tag " + tag + ")");
        }
    }

    private static Object record(Class<?> type, DataInputStream in) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = read(in);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild a " + type.getName(), e);
        }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Class<?> type(String name) throws IOException {
        try {
            return Class.forName(name, false, RecordCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown type " + name, e);
        }
    }
}
