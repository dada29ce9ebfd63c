package jp.madoguchi.errors;

/**
 * An exception of a module that is a client's mistake when it reaches a request (e.g. a
 * document refused because a name does not fit), but carries technical detail for logs
 * and checks: the web module answers it with {@link #toClientError()}.
 */
public interface ClientErrorSource {

	ClientError toClientError();

}
