package dev.precept.model.internal;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The classes Jackson meets when it writes a model value: the value type itself and every model
 * type reachable through its accessors (list, optional and map contents included, enums too),
 * each as the class its {@code @JsonSerialize(as = ...)} names (the generated immutable class)
 * where it names one.
 */
public final class ModelTypes {
  private ModelTypes() {}

  /** The concrete classes written for a value of {@code root}, {@code root}'s own first. */
  public static Set<Class<?>> writtenFrom(Class<?> root) {
    String modelPackage = root.getPackageName();
    Set<Class<?>> seen = new LinkedHashSet<>();
    Set<Class<?>> written = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      Class<?> type = todo.removeFirst();
      if (!seen.add(type)) {
        continue;
      }
      JsonSerialize as = type.getAnnotation(JsonSerialize.class);
      written.add(as != null && as.as() != Void.class ? as.as() : type);
      for (Method accessor : type.getMethods()) {
        if (accessor.getParameterCount() == 0 && accessor.getDeclaringClass().getPackageName().equals(modelPackage)) {
          addModelTypes(accessor.getGenericReturnType(), modelPackage, todo);
        }
      }
    }
    return written;
  }

  private static void addModelTypes(Type type, String modelPackage, Deque<Class<?>> todo) {
    if (type instanceof Class<?> c && !c.isArray() && c.getPackageName().equals(modelPackage)) {
      todo.add(c);
    } else if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        addModelTypes(argument, modelPackage, todo);
      }
    }
  }
}
