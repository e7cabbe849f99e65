namespace Parallax.Store;
public sealed class InvalidSearchQueryException : ArgumentException { public InvalidSearchQueryException() { } public InvalidSearchQueryException(string m) : base(m) { } public InvalidSearchQueryException(string m, Exception e) : base(m, e) { } }
