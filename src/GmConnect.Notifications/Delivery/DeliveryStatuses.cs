namespace GmConnect.Notifications.Delivery;

/// <summary>Wire codes of <see cref="DeliveryStatus"/>.</summary>
internal static class DeliveryStatuses
{
    public static string ToCode(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Withheld => "withheld",
        DeliveryStatus.DeadLetter => "dead-letter",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static DeliveryStatus Parse(string code) => code switch
    {
        "pending" => DeliveryStatus.Pending,
        "delivered" => DeliveryStatus.Delivered,
        "withheld" => DeliveryStatus.Withheld,
        "dead-letter" => DeliveryStatus.DeadLetter,
        _ => throw new FormatException($"Unknown delivery status '{code}'."),
    };
}
