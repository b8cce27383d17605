namespace KhcnTracker.Web;

/// <summary>Marker for the UI's strings: <c>Resources/SharedResource.resx</c> (Vietnamese) and <c>SharedResource.en.resx</c>.</summary>
public sealed class SharedResource;
