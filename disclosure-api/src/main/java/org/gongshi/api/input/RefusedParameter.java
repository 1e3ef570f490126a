package org.gongshi.api.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter an endpoint reads only to refuse it with a 400 of its own words (the feed's filters asked of
 * {@code /feed/v1/entries}): {@link UnknownParameters} lets it through to that refusal and never names it among the parameters
 * the endpoint takes (a sweep from outside, stop 87: an unknown parameter's 400 sent the caller to {@code types} and
 * {@code division}, each refused there).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface RefusedParameter {
}
