package dev.eddy.api.common.typeutils;

import static dev.eddy.api.common.typeutils.SerializerTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.typeutils.base.BigDecSerializer;
import dev.eddy.api.common.typeutils.base.BigIntSerializer;
import dev.eddy.api.common.typeutils.base.BooleanSerializer;
import dev.eddy.api.common.typeutils.base.ByteSerializer;
import dev.eddy.api.common.typeutils.base.CharSerializer;
import dev.eddy.api.common.typeutils.base.DoubleSerializer;
import dev.eddy.api.common.typeutils.base.EnumSerializer;
import dev.eddy.api.common.typeutils.base.FloatSerializer;
import dev.eddy.api.common.typeutils.base.GenericArraySerializer;
import dev.eddy.api.common.typeutils.base.InstantSerializer;
import dev.eddy.api.common.typeutils.base.IntSerializer;
import dev.eddy.api.common.typeutils.base.ListSerializer;
import dev.eddy.api.common.typeutils.base.LocalDateSerializer;
import dev.eddy.api.common.typeutils.base.LocalDateTimeSerializer;
import dev.eddy.api.common.typeutils.base.LocalTimeSerializer;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.api.common.typeutils.base.MapSerializer;
import dev.eddy.api.common.typeutils.base.ShortSerializer;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.api.common.typeutils.base.VoidSerializer;
import dev.eddy.api.common.typeutils.base.array.BooleanPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.CharPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.FloatPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.ShortPrimitiveArraySerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BasicSerializersTest {
    enum Color { RED, GREEN, BLUE }

    private static String bigString() {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(42);
        while (sb.length() < 70_000) {
            sb.append((char) ('a' + r.nextInt(26)));
            if (r.nextInt(50) == 0) {
                sb.append('\u00e9').append('\u4e2d').append("\uD83D\uDE00");
            }
        }
        return sb.toString();
    }

    @Test
    void primitives() throws Exception {
        for (boolean b : new boolean[] {true, false}) {
            roundTrip(BooleanSerializer.INSTANCE, b);
        }
        for (byte b : new byte[] {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE}) {
            roundTrip(ByteSerializer.INSTANCE, b);
        }
        for (short s : new short[] {0, -1, Short.MIN_VALUE, Short.MAX_VALUE}) {
            roundTrip(ShortSerializer.INSTANCE, s);
        }
        for (int i : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 123456789}) {
            roundTrip(IntSerializer.INSTANCE, i);
        }
        for (long l : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1234567890123L}) {
            roundTrip(LongSerializer.INSTANCE, l);
        }
        for (float f : new float[] {0f, -0f, 1.5f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE}) {
            roundTrip(FloatSerializer.INSTANCE, f);
        }
        for (double d : new double[] {0d, -2.25, Double.NaN, Double.MAX_VALUE, Double.MIN_VALUE}) {
            roundTrip(DoubleSerializer.INSTANCE, d);
        }
        for (char c : new char[] {'a', '\0', '\uffff', '\u4e2d'}) {
            roundTrip(CharSerializer.INSTANCE, c);
        }
        assertThat(roundTrip(VoidSerializer.INSTANCE, null)).isNull();
        assertThat(IntSerializer.INSTANCE.duplicate()).isSameAs(IntSerializer.INSTANCE);
        assertThat(IntSerializer.INSTANCE).isNotEqualTo(LongSerializer.INSTANCE);
    }

    @Test
    void strings() throws Exception {
        for (String s : new String[] {"", "a", "hello world", "gr\u00fc\u00dfe", "\u4e2d\u6587", "emoji \uD83D\uDE00", "\u0000\u007f\u0080\u3fff\u4000"}) {
            roundTrip(StringSerializer.INSTANCE, s);
        }
        assertThat(roundTrip(StringSerializer.INSTANCE, null)).isNull();
        String big = bigString();
        assertThat(big.length()).isGreaterThan(64 * 1024);
        assertThat(roundTrip(StringSerializer.INSTANCE, big)).isEqualTo(big);
        String ascii = "x".repeat(100_000);
        assertThat(roundTrip(StringSerializer.INSTANCE, ascii)).isEqualTo(ascii);
    }

    @Test
    void asciiStringsAreOneBytePerChar() throws Exception {
        dev.eddy.core.memory.DataOutputSerializer out = new dev.eddy.core.memory.DataOutputSerializer(4);
        StringSerializer.INSTANCE.serialize("hello", out);
        assertThat(out.length()).isEqualTo(6);
    }

    @Test
    void bigNumbersAndTime() throws Exception {
        for (BigInteger b : new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(-5), new BigInteger("123456789012345678901234567890"), null}) {
            roundTrip(BigIntSerializer.INSTANCE, b);
        }
        byte[] huge = new byte[70_000];
        new Random(1).nextBytes(huge);
        roundTrip(BigIntSerializer.INSTANCE, new BigInteger(huge));
        for (BigDecimal b : new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("-12345.6789"), new BigDecimal("1E+30"), null}) {
            roundTrip(BigDecSerializer.INSTANCE, b);
        }
        assertThat(roundTrip(BigDecSerializer.INSTANCE, new BigDecimal(new BigInteger(huge), 12)).unscaledValue())
                .isEqualTo(new BigInteger(huge));
        for (Instant i : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(1_700_000_000L, 123_456_789), Instant.MIN, Instant.MAX, null}) {
            roundTrip(InstantSerializer.INSTANCE, i);
        }
        for (LocalDate d : new LocalDate[] {LocalDate.of(2024, 2, 29), LocalDate.MIN, LocalDate.MAX, null}) {
            roundTrip(LocalDateSerializer.INSTANCE, d);
        }
        for (LocalTime t : new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_999), null}) {
            roundTrip(LocalTimeSerializer.INSTANCE, t);
        }
        for (LocalDateTime t : new LocalDateTime[] {LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6), LocalDateTime.MIN, LocalDateTime.MAX, null}) {
            roundTrip(LocalDateTimeSerializer.INSTANCE, t);
        }
    }

    @Test
    void primitiveArrays() throws Exception {
        roundTrip(BooleanPrimitiveArraySerializer.INSTANCE, new boolean[] {true, false, true});
        roundTrip(BytePrimitiveArraySerializer.INSTANCE, new byte[] {1, -2, 3});
        roundTrip(CharPrimitiveArraySerializer.INSTANCE, new char[] {'a', '\u4e2d'});
        roundTrip(ShortPrimitiveArraySerializer.INSTANCE, new short[] {1, Short.MIN_VALUE});
        roundTrip(IntPrimitiveArraySerializer.INSTANCE, new int[] {1, 2, Integer.MAX_VALUE});
        roundTrip(LongPrimitiveArraySerializer.INSTANCE, new long[] {Long.MIN_VALUE, 0});
        roundTrip(FloatPrimitiveArraySerializer.INSTANCE, new float[] {1.5f, Float.NaN});
        roundTrip(DoublePrimitiveArraySerializer.INSTANCE, new double[] {2.5, -0.0});
        roundTrip(IntPrimitiveArraySerializer.INSTANCE, new int[0]);
        assertThat(roundTrip(IntPrimitiveArraySerializer.INSTANCE, null)).isNull();
        byte[] big = new byte[100_000];
        new Random(7).nextBytes(big);
        assertThat(roundTrip(BytePrimitiveArraySerializer.INSTANCE, big)).isEqualTo(big);
        long[] bigLongs = new long[10_000];
        Arrays.setAll(bigLongs, i -> i * 31L);
        assertThat(roundTrip(LongPrimitiveArraySerializer.INSTANCE, bigLongs)).isEqualTo(bigLongs);
        int[] original = {1, 2};
        int[] copy = IntPrimitiveArraySerializer.INSTANCE.copy(original);
        copy[0] = 99;
        assertThat(original[0]).isEqualTo(1);
    }

    @Test
    void objectArrays() throws Exception {
        GenericArraySerializer<String> strings = new GenericArraySerializer<>(String.class, StringSerializer.INSTANCE);
        String[] value = {"a", null, "c"};
        String[] back = roundTrip(strings, value);
        assertThat(back).containsExactly("a", null, "c");
        assertThat(roundTrip(strings, null)).isNull();
        GenericArraySerializer<int[]> nested = new GenericArraySerializer<>(int[].class, IntPrimitiveArraySerializer.INSTANCE);
        int[][] matrix = {{1, 2}, {3}};
        int[][] copy = nested.copy(matrix);
        copy[0][0] = 42;
        assertThat(matrix[0][0]).as("deep copy").isEqualTo(1);
        roundTrip(nested, matrix);
        String[] big = new String[20_000];
        Arrays.fill(big, "abcd");
        roundTrip(strings, big);
        assertThat(strings).isNotEqualTo(new GenericArraySerializer<>(Object.class, (TypeSerializer) StringSerializer.INSTANCE));
    }

    @Test
    void enums() throws Exception {
        EnumSerializer<Color> s = new EnumSerializer<>(Color.class);
        for (Color c : Color.values()) {
            assertThat(roundTrip(s, c)).isSameAs(c);
        }
        assertThat(roundTrip(s, null)).isNull();
        assertThat(s).isEqualTo(new EnumSerializer<>(Color.class));
    }

    @Test
    void listsAndMaps() throws Exception {
        ListSerializer<String> list = new ListSerializer<>(StringSerializer.INSTANCE);
        List<String> value = new ArrayList<>(Arrays.asList("a", null, "b"));
        assertThat(roundTrip(list, value)).isInstanceOf(ArrayList.class).containsExactly("a", null, "b");
        assertThat(roundTrip(list, null)).isNull();
        roundTrip(list, new ArrayList<>());
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            big.add("item-" + i);
        }
        roundTrip(list, big);

        ListSerializer<int[]> listOfArrays = new ListSerializer<>(IntPrimitiveArraySerializer.INSTANCE);
        List<int[]> arrays = new ArrayList<>();
        arrays.add(new int[] {1});
        List<int[]> copied = listOfArrays.copy(arrays);
        copied.get(0)[0] = 5;
        assertThat(arrays.get(0)[0]).as("list copy is deep").isEqualTo(1);

        MapSerializer<String, Long> map = new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE);
        Map<String, Long> m = new HashMap<>();
        m.put("a", 1L);
        m.put("b", null);
        m.put(null, 3L);
        assertThat(roundTrip(map, m)).isEqualTo(m);
        assertThat(roundTrip(map, null)).isNull();
        Map<String, Long> bigMap = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            bigMap.put("key-" + i, (long) i);
        }
        roundTrip(map, bigMap);
        assertThat(map.duplicate()).isSameAs(map);
    }
}
