package dev.eddy.api.java.typeutils;

import dev.eddy.api.java.tuple.Tuple2;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Types used by the type extraction and serializer tests. */
public final class Fixtures {
    private Fixtures() {}

    /** A POJO with public fields, private fields with accessors, primitives, boxed, nested and generic fields. */
    public static class Person {
        public String name;
        public int age;
        private Long id;
        private boolean active;
        public Address address;
        public List<String> tags;
        public Map<String, Integer> scores;
        public int[] numbers;
        public transient String ignored;
        public static String alsoIgnored;

        public Person() {}

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Person)) {
                return false;
            }
            Person p = (Person) o;
            return Objects.equals(name, p.name) && age == p.age && Objects.equals(id, p.id) && active == p.active
                    && Objects.equals(address, p.address) && Objects.equals(tags, p.tags) && Objects.equals(scores, p.scores)
                    && java.util.Arrays.equals(numbers, p.numbers);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age, id);
        }

        @Override
        public String toString() {
            return "Person(" + name + "," + age + "," + id + "," + active + "," + address + "," + tags + "," + scores + ")";
        }
    }

    public static class Address {
        public String city;
        public double lat;

        public Address() {}

        public Address(String city, double lat) {
            this.city = city;
            this.lat = lat;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address && Objects.equals(city, ((Address) o).city) && lat == ((Address) o).lat;
        }

        @Override
        public int hashCode() {
            return Objects.hash(city, lat);
        }

        @Override
        public String toString() {
            return "Address(" + city + "," + lat + ")";
        }
    }

    /** POJO that inherits fields. */
    public static class Employee extends Address {
        public String company;

        public Employee() {}
    }

    /** Generic POJO; its field type comes from the type argument. */
    public static class Box<T> {
        public T value;

        public Box() {}
    }

    public static class StringBox extends Box<String> {
        public StringBox() {}
    }

    public record Reading(String sensor, String tag, double value, Instant2 at) {}

    public record Instant2(long millis) {}

    public record Pair<A, B>(A first, B second) {}

    public enum Level { LOW, HIGH }

    // ---- POJO rule violations
    public static class PrivateField {
        private int x;

        public PrivateField() {}
    }

    public static class OnlyGetter {
        private int x;

        public OnlyGetter() {}

        public int getX() {
            return x;
        }
    }

    public static class NoDefaultConstructor {
        public int x;

        public NoDefaultConstructor(int x) {
            this.x = x;
        }
    }

    static class NotPublic {
        public int x;
    }

    public class Inner {
        public int x;
    }

    public static class Node {
        public Node next;
        public int value;

        public Node() {}
    }

    /** Serializable but not a POJO (for the Java serialization fallback). */
    public static final class Opaque implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String secret;

        public Opaque(String secret) {
            this.secret = secret;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque && ((Opaque) o).secret.equals(secret);
        }

        @Override
        public int hashCode() {
            return secret.hashCode();
        }
    }

    public static class WordCount extends Tuple2<String, Integer> {
        public WordCount() {}

        public WordCount(String w, Integer c) {
            super(w, c);
        }
    }

    // ---- function interfaces shaped like Flink's
    @FunctionalInterface
    public interface MapFn<IN, OUT> extends Serializable {
        OUT map(IN value) throws Exception;
    }

    @FunctionalInterface
    public interface KeyFn<IN, KEY> extends Serializable {
        KEY getKey(IN value) throws Exception;
    }

    public interface Out<T> {
        void collect(T record);
    }

    @FunctionalInterface
    public interface FlatMapFn<IN, OUT> extends Serializable {
        void flatMap(IN value, Out<OUT> out) throws Exception;
    }

    @FunctionalInterface
    public interface ReduceFn<T> extends Serializable {
        T reduce(T a, T b) throws Exception;
    }

    @FunctionalInterface
    public interface CoMapFn<IN1, IN2, OUT> extends Serializable {
        OUT map1(IN1 value) throws Exception;

        default OUT map2(IN2 value) throws Exception {
            return null;
        }
    }
}
