namespace GmConnect.Notifications.Subscriptions;

/// <summary>A created subscription, or why it was refused (naming fields, never values).</summary>
/// <param name="Subscription">The subscription, when created.</param>
/// <param name="Problem">Why it was refused.</param>
public sealed record SubscriptionResult(Subscription? Subscription, string? Problem);
