package dev.retort.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The revision class has a public constructor without parameters and without checked
 * exceptions, so that the registry's {@code new AddAccount()} compiles in a {@code Supplier}. A class without
 * constructors passes: its implicit one has the class's access, which {@link PublicValidator}
 * checks, so a package-private class gets one error, not two.
 */
final class ConstructorValidator implements RevisionValidator {

    private final Elements elements;
    private final Types types;
    private final TypeMirror runtimeException;
    private final TypeMirror error;

    ConstructorValidator(Elements elements, Types types, TypeMirror runtimeException, TypeMirror error) {
        this.elements = elements;
        this.types = types;
        this.runtimeException = runtimeException;
        this.error = error;
    }

    @Override
    public boolean validate(RevisionDescriptor revision, Reporter reporter) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(revision.element().getEnclosedElements())) {
            boolean implicit = elements.getOrigin(constructor) == Elements.Origin.MANDATED;
            if ((implicit || constructor.getModifiers().contains(Modifier.PUBLIC))
                    && constructor.getParameters().isEmpty()
                    && constructor.getThrownTypes().stream().allMatch(this::isUnchecked)) {
                return true;
            }
        }
        String simpleName = revision.element().getSimpleName().toString();
        reporter.error(revision, null, Message.NO_PUBLIC_CONSTRUCTOR, revision.className(),
                revision.nameInPackage(), simpleName);
        return false;
    }

    private boolean isUnchecked(TypeMirror thrown) {
        return types.isAssignable(thrown, runtimeException) || types.isAssignable(thrown, error);
    }
}
