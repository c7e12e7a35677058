namespace Kezek.Core.Applications;

/// <summary>Льгота: decides which part of the queue an application stands in.</summary>
public enum BenefitCategory
{
    /// <summary>Общая очередь.</summary>
    None = 0,

    /// <summary>Первоочередная.</summary>
    Priority = 1,

    /// <summary>Внеочередная.</summary>
    OutOfTurn = 2,
}
