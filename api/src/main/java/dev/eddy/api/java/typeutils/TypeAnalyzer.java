package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeinfo.BasicArrayTypeInfo;
import dev.eddy.api.common.typeinfo.BasicTypeInfo;
import dev.eddy.api.common.typeinfo.LocalTimeTypeInfo;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.tuple.Tuple;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns reflective {@link Type}s into {@link TypeInformation}. Type variables are resolved through
 * a binding map (variable to type, or to an already known {@link InfoType}). Unresolvable generics
 * at the top level are errors; inside POJO/record fields they degrade to {@link GenericTypeInfo}
 * carrying the reason (which fails at serializer creation unless Java serialization is enabled).
 * Used on the client thread while the job is built; not thread-safe (create one per analysis).
 */
final class TypeAnalyzer {
    private static final Set<Class<?>> LIST_CLASSES = Set.of(List.class, ArrayList.class, Collection.class);
    private static final Set<Class<?>> MAP_CLASSES = Set.of(Map.class, HashMap.class);

    private final Map<TypeVariable<?>, Type> bindings;
    private final Set<Class<?>> inProgress = new HashSet<>();

    TypeAnalyzer(Map<TypeVariable<?>, Type> bindings) {
        this.bindings = bindings;
    }

    TypeAnalyzer() {
        this(new HashMap<>());
    }

    /** A {@link Type} standing for already known type information (used to bind type variables to inputs). */
    static final class InfoType implements Type {
        final TypeInformation<?> info;

        InfoType(TypeInformation<?> info) {
            this.info = info;
        }

        @Override
        public String getTypeName() {
            return info.toString();
        }
    }

    Map<TypeVariable<?>, Type> bindings() {
        return bindings;
    }

    TypeInformation<?> analyze(Type type) {
        if (type instanceof InfoType) {
            return ((InfoType) type).info;
        }
        if (type instanceof Class) {
            return analyzeClass((Class<?>) type);
        }
        if (type instanceof TypeVariable) {
            Type bound = bindings.get(type);
            if (bound == null || bound == type) {
                TypeVariable<?> tv = (TypeVariable<?>) type;
                throw new InvalidTypesException("Type variable '" + tv.getName() + "' of " + describe(tv.getGenericDeclaration())
                        + " could not be resolved (Java erases generic type arguments at runtime). Give the type explicitly,"
                        + " e.g. with returns(...) or TypeInformation.of(new TypeHint<...>(){}).");
            }
            return analyze(bound);
        }
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            return analyze(w.getLowerBounds().length > 0 ? w.getLowerBounds()[0] : w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType) {
            TypeInformation<?> component = analyze(((GenericArrayType) type).getGenericComponentType());
            return arrayOf(component);
        }
        if (type instanceof ParameterizedType) {
            return analyzeParameterized((ParameterizedType) type);
        }
        throw new InvalidTypesException("Unsupported kind of type: " + type);
    }

    private static String describe(Object genericDeclaration) {
        if (genericDeclaration instanceof Class) {
            return "class " + ((Class<?>) genericDeclaration).getName();
        }
        return String.valueOf(genericDeclaration);
    }

    private static TypeInformation<?> arrayOf(TypeInformation<?> component) {
        Class<?> arrayClass = java.lang.reflect.Array.newInstance(component.getTypeClass(), 0).getClass();
        if (component instanceof BasicTypeInfo) {
            BasicArrayTypeInfo<?, ?> basic = BasicArrayTypeInfo.getInfoFor(arrayClass);
            if (basic != null) {
                return basic;
            }
        }
        return ObjectArrayTypeInfo.getInfoFor(arrayClass, component);
    }

    private TypeInformation<?> analyzeParameterized(ParameterizedType p) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (LIST_CLASSES.contains(raw)) {
            return new ListTypeInfo<>(analyze(args[0]));
        }
        if (MAP_CLASSES.contains(raw)) {
            return new MapTypeInfo<>(analyze(args[0]), analyze(args[1]));
        }
        TypeVariable<?>[] params = raw.getTypeParameters();
        Map<TypeVariable<?>, Type> saved = new HashMap<>();
        for (int i = 0; i < params.length && i < args.length; i++) {
            if (args[i] != params[i]) {
                bind(params[i], args[i], saved);
            }
        }
        try {
            return analyzeClass(raw);
        } finally {
            restore(saved);
        }
    }

    private void bind(TypeVariable<?> var, Type value, Map<TypeVariable<?>, Type> saved) {
        Type previous = bindings.put(var, value);
        if (!saved.containsKey(var)) {
            saved.put(var, previous);
        }
    }

    private void restore(Map<TypeVariable<?>, Type> saved) {
        for (Map.Entry<TypeVariable<?>, Type> e : saved.entrySet()) {
            if (e.getValue() == null) {
                bindings.remove(e.getKey());
            } else {
                bindings.put(e.getKey(), e.getValue());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeInformation<?> analyzeClass(Class<?> c) {
        TypeInformation<?> basic = BasicTypeInfo.getInfoFor(c);
        if (basic != null) {
            return basic;
        }
        TypeInformation<?> time = LocalTimeTypeInfo.getInfoFor(c);
        if (time != null) {
            return time;
        }
        if (c.isArray()) {
            TypeInformation<?> prim = PrimitiveArrayTypeInfo.getInfoFor(c);
            if (prim != null) {
                return prim;
            }
            TypeInformation<?> basicArray = BasicArrayTypeInfo.getInfoFor(c);
            if (basicArray != null) {
                return basicArray;
            }
            return ObjectArrayTypeInfo.getInfoFor((Class) c, analyze(c.getComponentType()));
        }
        if (Enum.class.isAssignableFrom(c) && c != Enum.class) {
            Class<?> enumClass = c.isEnum() ? c : c.getSuperclass();
            return new EnumTypeInfo(enumClass);
        }
        if (Tuple.class.isAssignableFrom(c)) {
            return analyzeTuple(c);
        }
        if (LIST_CLASSES.contains(c) || MAP_CLASSES.contains(c)) {
            throw needsGenerics(c, LIST_CLASSES.contains(c) ? "List<String>" : "Map<String, Integer>");
        }
        if (c.isRecord()) {
            return analyzeRecord(c);
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            return new GenericTypeInfo<>(c, "collection type " + c.getName() + " has no built-in serializer; declare it as List<T>,"
                    + " ArrayList<T> or Collection<T> (restored as ArrayList), or Map<K, V> / HashMap<K, V> (restored as HashMap)");
        }
        return analyzePojo(c);
    }

    static InvalidTypesException needsGenerics(Class<?> c, String example) {
        return new InvalidTypesException("Cannot determine the type information of " + c.getSimpleName() + " from the raw class "
                + c.getName() + ": its generic type arguments are erased at runtime. Use e.g. TypeInformation.of(new TypeHint<"
                + example + ">(){}) or Types.* to describe it, or returns(...) on the transformation.");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzeTuple(Class<?> c) {
        if (c == Tuple.class) {
            throw new InvalidTypesException("Cannot use the abstract class Tuple as a type; use a concrete Tuple0..Tuple25 with type"
                    + " arguments, e.g. TypeInformation.of(new TypeHint<Tuple2<String, Integer>>(){}).");
        }
        Map<TypeVariable<?>, Type> saved = new HashMap<>();
        try {
            Class<?> tupleN = c;
            while (tupleN.getSuperclass() != Tuple.class) {
                bindSuperclass(tupleN, saved);
                tupleN = tupleN.getSuperclass();
            }
            TypeVariable<?>[] params = tupleN.getTypeParameters();
            Type[] bound = new Type[params.length];
            for (int i = 0; i < params.length; i++) {
                bound[i] = bindings.get(params[i]);
                if (bound[i] == null) {
                    throw needsGenerics(c, "Tuple2<String, Integer>");
                }
            }
            TypeInformation<?>[] fields = new TypeInformation<?>[params.length];
            for (int i = 0; i < params.length; i++) {
                fields[i] = analyze(bound[i]);
            }
            return new TupleTypeInfo(c, fields);
        } finally {
            restore(saved);
        }
    }

    private void bindSuperclass(Class<?> c, Map<TypeVariable<?>, Type> saved) {
        Type sup = c.getGenericSuperclass();
        if (sup instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) sup;
            TypeVariable<?>[] params = ((Class<?>) p.getRawType()).getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < params.length; i++) {
                bind(params[i], args[i], saved);
            }
        }
    }

    /** Field type analysis: unresolvable field types become a GenericTypeInfo carrying the reason. */
    private TypeInformation<?> analyzeField(Class<?> owner, String name, Type fieldType, Class<?> rawType) {
        try {
            return analyze(fieldType);
        } catch (InvalidTypesException e) {
            return new GenericTypeInfo<>(rawType, "field '" + name + "' of " + owner.getName() + ": " + e.getMessage());
        }
    }

    private TypeInformation<?> recursive(Class<?> c) {
        return new GenericTypeInfo<>(c, "type " + c.getName() + " is recursive (it contains itself); recursive types need"
                + " Java serialization or a custom representation");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzeRecord(Class<?> c) {
        if (!inProgress.add(c)) {
            return recursive(c);
        }
        try {
            List<PojoField> fields = new ArrayList<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                Field f = c.getDeclaredField(rc.getName());
                fields.add(new PojoField(f, analyzeField(c, rc.getName(), rc.getGenericType(), rc.getType())));
            }
            return new PojoTypeInfo(c, fields);
        } catch (NoSuchFieldException e) {
            throw new InvalidTypesException("Record " + c.getName() + " has a component without a field: " + e.getMessage(), e);
        } finally {
            inProgress.remove(c);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzePojo(Class<?> c) {
        PojoAnalyzer.Result result = PojoAnalyzer.analyze(c);
        if (result.reason != null) {
            return new GenericTypeInfo<>(c, "it is not a valid POJO: " + result.reason);
        }
        if (!inProgress.add(c)) {
            return recursive(c);
        }
        Map<TypeVariable<?>, Type> saved = new HashMap<>();
        try {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                bindSuperclass(k, saved);
            }
            List<PojoField> fields = new ArrayList<>();
            for (Field f : result.fields) {
                fields.add(new PojoField(f, analyzeField(c, f.getName(), f.getGenericType(), f.getType())));
            }
            return new PojoTypeInfo(c, fields);
        } finally {
            restore(saved);
            inProgress.remove(c);
        }
    }
}
