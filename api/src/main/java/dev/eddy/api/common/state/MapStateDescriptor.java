package dev.eddy.api.common.state;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.typeutils.MapTypeInfo;
import java.util.Map;

/** Describes a {@link MapState}; the state's type is the map, built from user key and value types. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {
    private static final long serialVersionUID = 1L;

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        super(name, new MapTypeInfo<>(keyClass, valueClass));
    }

    public MapStateDescriptor(String name, TypeInformation<UK> keyTypeInfo, TypeInformation<UV> valueTypeInfo) {
        super(name, new MapTypeInfo<>(keyTypeInfo, valueTypeInfo));
    }

    public TypeInformation<UK> getKeyTypeInformation() {
        return ((MapTypeInfo<UK, UV>) getTypeInformation()).getKeyTypeInfo();
    }

    public TypeInformation<UV> getValueTypeInformation() {
        return ((MapTypeInfo<UK, UV>) getTypeInformation()).getValueTypeInfo();
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
